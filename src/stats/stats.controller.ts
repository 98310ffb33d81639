import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '../auth/roles.decorator.js';
import { SingleFlight } from '../common/single-flight.js';
import { BreakdownQuery, StatsQuery, TopAuthorsQuery, TopTermsQuery, VolumeQuery } from './dto/stats-query.dto.js';
import { StatsService } from './stats.service.js';
import type {
  BreakdownResponse,
  OverviewResponse,
  TopAuthorsResponse,
  TopTermsResponse,
  VolumeResponse,
} from './stats.types.js';

/** The dashboard's aggregates, served from hourly rollups (docs/stats.md). */
@ApiTags('stats')
@ApiBearerAuth()
@Roles(Role.Analyst, Role.Pimpinan, Role.Admin)
@Controller('stats')
export class StatsController {
  /** Identical questions under way are asked once (many users watch the same Ringkasan; docs/stats.md). */
  private readonly flights = new SingleFlight();

  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiOperation({ summary: 'Posts, reach, distinct authors, negative share with change; open issues; new alerts' })
  overview(@Query() query: StatsQuery): Promise<OverviewResponse> {
    return this.flights.run(`overview ${JSON.stringify(query)}`, () => this.stats.overview(query));
  }

  @Get('volume')
  @ApiOperation({ summary: 'Posts per hour or day, optionally by source, category or sentiment, bursts marked' })
  volume(@Query() query: VolumeQuery): Promise<VolumeResponse> {
    return this.flights.run(`volume ${JSON.stringify(query)}`, () => this.stats.volume(query));
  }

  @Get('breakdown')
  @ApiOperation({ summary: 'Posts, negative share and change per category, OPD, sentiment, source or region' })
  breakdown(@Query() query: BreakdownQuery): Promise<BreakdownResponse> {
    return this.flights.run(`breakdown ${JSON.stringify(query)}`, () => this.stats.breakdown(query));
  }

  @Get('top-terms')
  @ApiOperation({ summary: 'The most frequent terms of the period' })
  topTerms(@Query() query: TopTermsQuery): Promise<TopTermsResponse> {
    return this.flights.run(`topTerms ${JSON.stringify(query)}`, () => this.stats.topTerms(query));
  }

  @Get('top-authors')
  @ApiOperation({ summary: 'The most active authors of the period, by posts or by reach' })
  topAuthors(@Query() query: TopAuthorsQuery): Promise<TopAuthorsResponse> {
    return this.flights.run(`topAuthors ${JSON.stringify(query)}`, () => this.stats.topAuthors(query));
  }
}
