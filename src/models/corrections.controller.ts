import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { requestAddress } from '../auth/request-address.js';
import { ALL_ROLES, Role, Roles } from '../auth/roles.decorator.js';
import { CorrectionsService } from './corrections.service.js';
import { CreateCorrectionDto } from './dto/correction.dto.js';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts/:id/corrections')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Post()
  @Roles(Role.Admin, Role.Analyst)
  @ApiOperation({ summary: "Correct a post's sentiment and/or category; the post shows the latest correction" })
  correct(
    @Param('id') id: string,
    @Body() dto: CreateCorrectionDto,
    @CurrentPrincipal() actor: Principal | undefined,
    @Req() request: Request,
  ) {
    return this.corrections.correct(id, dto, actor, requestAddress(request));
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Corrections of a post, newest first, with who and when' })
  list(@Param('id') id: string) {
    return this.corrections.list(id);
  }
}
