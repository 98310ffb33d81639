import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListPostsQuery {
  @ApiPropertyOptional({ description: 'Source id (as the stats endpoints take it) or source name' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(120, { message: 'terlalu panjang' })
  source?: string;

  @ApiPropertyOptional({ description: 'Posts created at or after this ISO time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  from?: string;

  @ApiPropertyOptional({ description: 'Posts created before this ISO time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  to?: string;

  @ApiPropertyOptional({ description: 'Words that must all occur in the text' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(200, { message: 'terlalu panjang' })
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(64, { message: 'terlalu panjang' })
  category?: string;

  @ApiPropertyOptional({ enum: ['positive', 'neutral', 'negative'] })
  @IsOptional()
  @IsIn(['positive', 'neutral', 'negative'], { message: 'harus positive, neutral, atau negative' })
  sentiment?: 'positive' | 'neutral' | 'negative';

  @ApiPropertyOptional({ description: 'OPD (responsible agency) as stored with the post' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(200, { message: 'terlalu panjang' })
  opd?: string;

  @ApiPropertyOptional({ description: 'Kemendagri code; posts naming this place or a place inside it' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/u, { message: 'harus kode wilayah Kemendagri, mis. 64.72' })
  region?: string;

  @ApiPropertyOptional({ description: 'Issue id: only the posts that belong to this issue' })
  @IsOptional()
  @IsUUID('all', { message: 'harus ID isu yang valid' })
  issue?: string;

  @ApiPropertyOptional({ description: 'Tracked topic id' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(64, { message: 'terlalu panjang' })
  topic?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(200, { message: 'maksimal 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(200, { message: 'terlalu panjang' })
  cursor?: string;
}
