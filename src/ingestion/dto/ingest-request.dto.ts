import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

export const MAX_POSTS_PER_REQUEST = 1000;
export const MAX_TEXT_LENGTH = 100_000;
/** Column ranges of posts: likes, replies and reposts are `integer`, views `bigint` (as far as JSON numbers are exact). */
export const MAX_COUNT = 2_147_483_647;
export const MAX_VIEWS = Number.MAX_SAFE_INTEGER;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** An ISO time not more than five minutes in the future (clocks drift; posts from tomorrow do not exist). */
function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'tidak boleh lebih dari 5 menit di masa depan', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !(Date.parse(value) > Date.now() + FUTURE_TOLERANCE_MS),
      },
    });
}

export class PostMetricsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(0, { message: 'tidak boleh negatif' })
  @Max(MAX_COUNT, { message: `maksimal ${MAX_COUNT}` })
  likes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(0, { message: 'tidak boleh negatif' })
  @Max(MAX_COUNT, { message: `maksimal ${MAX_COUNT}` })
  replies?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(0, { message: 'tidak boleh negatif' })
  @Max(MAX_COUNT, { message: `maksimal ${MAX_COUNT}` })
  reposts?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(0, { message: 'tidak boleh negatif' })
  @Max(MAX_VIEWS, { message: `maksimal ${MAX_VIEWS}` })
  views?: number;
}

export class IngestPostDto {
  @ApiProperty({ description: 'The post id on its platform; (source, externalId) is stored once.' })
  @IsString({ message: 'harus berupa teks' })
  @Length(1, 512, { message: 'harus 1 sampai 512 karakter' })
  externalId: string;

  @ApiProperty({ maxLength: MAX_TEXT_LENGTH })
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `tidak boleh lebih dari ${MAX_TEXT_LENGTH} karakter` })
  text: string;

  @ApiProperty({ example: '2026-11-24T08:15:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  @IsNotInFuture()
  createdAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(256, { message: 'terlalu panjang' })
  author?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(2048, { message: 'terlalu panjang' })
  url?: string;

  @ApiPropertyOptional({ example: 'id' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(16, { message: 'terlalu panjang' })
  lang?: string;

  @ApiPropertyOptional({ type: PostMetricsDto })
  @IsOptional()
  @IsObject({ message: 'harus berupa objek' })
  @ValidateNested()
  @Type(() => PostMetricsDto)
  metrics?: PostMetricsDto;
}

export class IngestRequestDto {
  @ApiProperty({ description: 'Source name; an admin naming an unknown source creates a push source.' })
  @IsString({ message: 'harus berupa teks' })
  @Length(1, 120, { message: 'harus 1 sampai 120 karakter' })
  source: string;

  @ApiProperty({ type: [IngestPostDto], minItems: 1, maxItems: MAX_POSTS_PER_REQUEST })
  @IsArray({ message: 'harus berupa larik' })
  @ArrayMinSize(1, { message: 'minimal 1 post' })
  @ArrayMaxSize(MAX_POSTS_PER_REQUEST, { message: `maksimal ${MAX_POSTS_PER_REQUEST} post per permintaan` })
  @ValidateNested({ each: true })
  @Type(() => IngestPostDto)
  posts: IngestPostDto[];
}
