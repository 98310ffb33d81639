import { Module } from '@nestjs/common';
import { IssuesModule } from '../issues/issues.module.js';
import { TopicsModule } from '../topics/topics.module.js';
import { BriefExportService } from './brief-export.service.js';
import { BriefFiguresService } from './brief-figures.service.js';
import { BriefTemplateController } from './brief-template.controller.js';
import { BriefTemplateService } from './brief-template.service.js';
import { BriefsController } from './briefs.controller.js';
import { BriefsRepository } from './briefs.repository.js';
import { BriefsService } from './briefs.service.js';
import { IssueBriefsController } from './issue-briefs.controller.js';
import { ProseRefiner } from './prose/prose-refiner.js';

/**
 * Telaahan staf: drafts from an issue's data, the edit/submit/approve workflow with versions, the deployment's
 * template, and the DOCX/PDF exports (documents/). Reads issues and posts through IssuesService.
 */
@Module({
  imports: [IssuesModule, TopicsModule],
  controllers: [BriefsController, IssueBriefsController, BriefTemplateController],
  providers: [
    BriefsRepository,
    BriefsService,
    BriefFiguresService,
    BriefTemplateService,
    BriefExportService,
    ProseRefiner,
  ],
  exports: [BriefsService, BriefTemplateService],
})
export class BriefsModule {}
