import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_QUERY_LENGTH } from '../../analysis/index.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class CreateTopicDto {
  @ApiProperty({ example: 'Banjir Samarinda' })
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  name!: string;

  @ApiProperty({ example: 'banjir AND (samarinda OR "sungai kunjang") NOT latihan' })
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `maksimal ${MAX_QUERY_LENGTH} karakter` })
  query!: string;

  @ApiPropertyOptional({ description: 'Category slug suggested for posts of this topic', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'harus berupa teks' })
  @Matches(SLUG, { message: 'harus slug kategori yang valid' })
  categoryHint?: string | null;
}

export class UpdateTopicDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `maksimal ${MAX_QUERY_LENGTH} karakter` })
  query?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'harus berupa teks' })
  @Matches(SLUG, { message: 'harus slug kategori yang valid' })
  categoryHint?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'paused'] })
  @IsOptional()
  @IsIn(['active', 'paused'], { message: 'harus active atau paused' })
  status?: 'active' | 'paused';
}

export class PreviewTopicDto {
  @ApiProperty({ example: 'banjir AND samarinda' })
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(MAX_QUERY_LENGTH, { message: `maksimal ${MAX_QUERY_LENGTH} karakter` })
  query!: string;

  @ApiPropertyOptional({ description: 'How many matching posts to return', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(100, { message: 'maksimal 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'How many recent posts to scan', minimum: 100, maximum: 50000, default: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(100, { message: 'minimal 100' })
  @Max(50000, { message: 'maksimal 50000' })
  window?: number;
}
