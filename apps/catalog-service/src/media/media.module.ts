import { Module } from '@nestjs/common';
import { AbandonedUploadSweeper } from './commands/sweep-uploads/abandoned-upload.sweeper';
import { CompleteUploadService } from './commands/complete-upload/complete-upload.service';
import { DeleteMediaService } from './commands/delete-media/delete-media.service';
import { SetPrimaryImageService } from './commands/set-primary-image/set-primary-image.service';
import { RequestUploadService } from './commands/request-upload/request-upload.service';
import { MediaMessageController } from './media.message.controller';
import { ListMediaService } from './queries/list-media/list-media.service';
import { MediaPresenter } from './queries/list-media/media.presenter';

@Module({
  controllers: [MediaMessageController],
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
