import { Module } from '@nestjs/common';
import { AbandonedUploadSweeper } from './commands/sweep-uploads/abandoned-upload.sweeper';
import { CompleteUploadMessageController } from './commands/complete-upload/complete-upload.message.controller';
import { CompleteUploadService } from './commands/complete-upload/complete-upload.service';
import { DeleteMediaMessageController } from './commands/delete-media/delete-media.message.controller';
import { DeleteMediaService } from './commands/delete-media/delete-media.service';
import { RequestUploadMessageController } from './commands/request-upload/request-upload.message.controller';
import { RequestUploadService } from './commands/request-upload/request-upload.service';
import { SetPrimaryImageMessageController } from './commands/set-primary-image/set-primary-image.message.controller';
import { SetPrimaryImageService } from './commands/set-primary-image/set-primary-image.service';
import { ListMediaMessageController } from './queries/list-media/list-media.message.controller';
import { ListMediaService } from './queries/list-media/list-media.service';
import { MediaPresenter } from './queries/list-media/media.presenter';

@Module({
  controllers: [
    RequestUploadMessageController,
    CompleteUploadMessageController,
    ListMediaMessageController,
    SetPrimaryImageMessageController,
    DeleteMediaMessageController,
  ],
  providers: [
    MediaPresenter,
    ListMediaService,
    RequestUploadService,
    CompleteUploadService,
    DeleteMediaService,
    SetPrimaryImageService,
    AbandonedUploadSweeper,
  ],
  exports: [AbandonedUploadSweeper],
})
export class MediaModule {}
