import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';

/** Where to go from the API's root (paths on this host). */
export class ApiIndexDto {
  @ApiProperty({ example: 'Electronic Inventory API' })
  name!: string;

  @ApiProperty({ example: 'v1' })
  version!: string;

  @ApiProperty({
    example: { docs: '/api/docs', openapi: '/api/docs-json', login: '/api/v1/auth/login' },
    description: 'The API documentation, the OpenAPI document, health, and the main resources',
  })
  links!: Record<string, string>;
}

const INDEX: ApiIndexDto = {
  name: 'Electronic Inventory API',
  version: 'v1',
  links: {
    docs: '/api/docs',
    openapi: '/api/docs-json',
    health: '/health',
    login: '/api/v1/auth/login',
    me: '/api/v1/me',
    products: '/api/v1/products',
    categories: '/api/v1/categories',
    stockMovements: '/api/v1/stock/movements',
    lowStock: '/api/v1/stock/low',
    alertRecipients: '/api/v1/alerts/recipients',
    users: '/api/v1/users',
  },
};

/** `GET /api/v1`: the address `npm start` prints answers with where to go next. */
@ApiTags('index')
@Public()
@Controller()
export class ApiIndexController {
  @Get()
  @ApiOperation({
    summary: 'Index of the API',
    description: 'Links to the documentation, the OpenAPI document and the main resources.',
  })
  @ApiOkResponse({ type: ApiIndexDto })
  index(): ApiIndexDto {
    return INDEX;
  }
}
