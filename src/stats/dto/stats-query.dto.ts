import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2})?)?$/u;

/** The window and filters every stats call takes (defaults: the last 24 hours, no filter). */
export class StatsQuery {
  @ApiPropertyOptional({ description: 'Start (ISO 8601); rounded down to the hour. Default: `to` minus 24 hours' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  from?: string;

  @ApiPropertyOptional({ description: 'End (ISO 8601, exclusive); rounded up to the hour. Default: now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  to?: string;

  @ApiPropertyOptional({ description: 'Source id' })
  @IsOptional()
  @IsUUID('all', { message: 'harus id sumber (UUID)' })
  source?: string;

  @ApiPropertyOptional({ description: 'Category slug' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(64, { message: 'terlalu panjang' })
  category?: string;

  @ApiPropertyOptional({ enum: SENTIMENTS })
  @IsOptional()
  @IsIn(SENTIMENTS, { message: 'harus positive, neutral, atau negative' })
  sentiment?: (typeof SENTIMENTS)[number];

  @ApiPropertyOptional({ description: 'Kemendagri code of a province, regency or district; includes places inside it' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'harus kode provinsi, kabupaten/kota, atau kecamatan Kemendagri, mis. 64.72' })
  region?: string;

  @ApiPropertyOptional({ description: 'Tracked topic id' })
  @IsOptional()
  @IsUUID('all', { message: 'harus id topik (UUID)' })
  topic?: string;
}

export class VolumeQuery extends StatsQuery {
  @ApiPropertyOptional({ enum: ['hour', 'day'], default: 'hour' })
  @IsOptional()
  @IsIn(['hour', 'day'], { message: 'harus hour atau day' })
  interval?: 'hour' | 'day';

  @ApiPropertyOptional({ enum: ['none', 'source', 'category', 'sentiment'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'source', 'category', 'sentiment'], { message: 'harus none, source, category, atau sentiment' })
  by?: 'none' | 'source' | 'category' | 'sentiment';
}

export const BREAKDOWN_DIMS = ['category', 'opd', 'sentiment', 'source', 'region'] as const;
export type BreakdownDim = (typeof BREAKDOWN_DIMS)[number];
export const REGION_LEVELS = ['province', 'regency', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export class BreakdownQuery extends StatsQuery {
  @ApiPropertyOptional({ enum: BREAKDOWN_DIMS, default: 'category' })
  @IsOptional()
  @IsIn(BREAKDOWN_DIMS, { message: 'harus category, opd, sentiment, source, atau region' })
  dim?: BreakdownDim;

  @ApiPropertyOptional({ enum: REGION_LEVELS, default: 'regency', description: 'For dim=region' })
  @IsOptional()
  @IsIn(REGION_LEVELS, { message: 'harus province, regency, atau district' })
  level?: RegionLevel;

  @ApiPropertyOptional({ minimum: 1, maximum: 600, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(600, { message: 'maksimal 600' })
  limit?: number;
}

export class TopTermsQuery extends StatsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(100, { message: 'maksimal 100' })
  limit?: number;
}

export class TopAuthorsQuery extends TopTermsQuery {
  @ApiPropertyOptional({ enum: ['posts', 'reach'], default: 'posts' })
  @IsOptional()
  @IsIn(['posts', 'reach'], { message: 'harus posts atau reach' })
  by?: 'posts' | 'reach';
}
