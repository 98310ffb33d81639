import { Module } from '@nestjs/common';
import { PostStoreModule } from '../ingestion/post-store.module.js';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { PersonalDataService } from './personal-data.service.js';

/** Requests of data subjects (UU PDP): export, erasure and anonymisation of one author's data. */
@Module({
  imports: [PostStoreModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService, PersonalDataRepository],
})
export class PrivacyModule {}
