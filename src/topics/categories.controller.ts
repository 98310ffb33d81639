import { Body, Controller, Get, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { wantsReanalysis } from './analysis-rules.controller.js';
import { AnalysisRulesService } from './analysis-rules.service.js';
import { UpdateCategoryDto } from './dto/update-category.dto.js';

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly rules: AnalysisRulesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Categories with their OPD and the keyword rules in force' })
  list() {
    return this.rules.categories();
  }

  @Patch(':slug')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Edit a category name, OPD or keyword rules; re-analyses history unless ?reanalyze=false' })
  @ApiQuery({ name: 'reanalyze', required: false, type: Boolean })
  update(
    @Param('slug') slug: string,
    @Body() dto: UpdateCategoryDto,
    @Query('reanalyze') reanalyze: string | undefined,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.rules.updateCategory(slug, dto, actor, wantsReanalysis(reanalyze), requestAddress(request));
  }
}
