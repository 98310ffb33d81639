import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const STATES = ['emerging', 'trending', 'declining', 'dormant', 'dismissed', 'merged', 'followed_up'];

export class ListIssuesQuery {
  @ApiPropertyOptional({ enum: STATES })
  @IsOptional()
  @IsIn(STATES, { message: `harus salah satu dari ${STATES.join(', ')}` })
  state?: string;

  @ApiPropertyOptional({ description: 'Category slug' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(64, { message: 'terlalu panjang' })
  category?: string;

  @ApiPropertyOptional({ description: 'Kemendagri code; includes the areas inside it' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/u, { message: 'harus kode wilayah Kemendagri, mis. 64.72' })
  region?: string;

  @ApiPropertyOptional({ description: 'Severity levels, comma-separated: rendah, sedang, tinggi, kritis' })
  @IsOptional()
  @Matches(/^(rendah|sedang|tinggi|kritis)(,(rendah|sedang|tinggi|kritis))*$/u, {
    message: 'harus rendah, sedang, tinggi, atau kritis (boleh beberapa, dipisah koma)',
  })
  severity?: string;

  @ApiPropertyOptional({ description: 'OPD (responsible agency) as the categories table names it' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(200, { message: 'terlalu panjang' })
  opd?: string;

  @ApiPropertyOptional({ description: 'Issues active at or after this ISO time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  from?: string;

  @ApiPropertyOptional({ description: 'Issues first seen before this ISO time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  to?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(1000, { message: 'maksimal 1000' })
  limit?: number;
}

export class RenameIssueDto {
  @ApiProperty()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(3, { message: 'minimal 3 karakter' })
  @MaxLength(200, { message: 'maksimal 200 karakter' })
  label!: string;
}

export class MergeIssueDto {
  @ApiProperty({ description: 'The issue this one is merged into' })
  @IsUUID('all', { message: 'harus id isu yang valid' })
  targetId!: string;
}

export class SplitIssueDto {
  @ApiProperty({ description: 'Posts (ids) that move to the new issue' })
  @IsArray({ message: 'harus daftar id unggahan' })
  @ArrayMinSize(1, { message: 'minimal satu unggahan' })
  @ArrayMaxSize(10_000, { message: 'terlalu banyak unggahan' })
  @Matches(/^\d{1,19}$/u, { each: true, message: 'harus id unggahan yang valid' })
  postIds!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(3, { message: 'minimal 3 karakter' })
  @MaxLength(200, { message: 'maksimal 200 karakter' })
  label?: string;
}

export class OutcomeNoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(2000, { message: 'maksimal 2000 karakter' })
  note?: string;
}

export class DisposeIssueDto {
  @ApiPropertyOptional({ description: "The OPD; default the issue's" })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(2, { message: 'minimal 2 karakter' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  opd?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(2000, { message: 'maksimal 2000 karakter' })
  note?: string;

  @ApiPropertyOptional({ default: 3, description: 'Working days after first detection to forward' })
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(60, { message: 'maksimal 60' })
  forwardDays?: number;

  @ApiPropertyOptional({ default: 5, description: 'Working days after forwarding for the OPD to respond' })
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(1, { message: 'minimal 1' })
  @Max(60, { message: 'maksimal 60' })
  respondDays?: number;

  @ApiPropertyOptional({ description: 'When it was forwarded (recording a past disposition); default now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'harus waktu ISO 8601 yang valid' })
  forwardedAt?: string;
}

export class DispositionResponseDto {
  @ApiProperty()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(2, { message: 'minimal 2 karakter' })
  @MaxLength(4000, { message: 'maksimal 4000 karakter' })
  text!: string;
}

export class HolidayDto {
  @ApiProperty({ example: '2026-03-20' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/u, { message: 'harus tanggal YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'Hari Raya Idulfitri' })
  @IsString({ message: 'harus berupa teks' })
  @MinLength(2, { message: 'minimal 2 karakter' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  name!: string;
}

export class HolidaysDto {
  @ApiProperty({ type: [HolidayDto] })
  @IsArray({ message: 'harus daftar hari libur' })
  @ArrayMaxSize(1000, { message: 'terlalu banyak hari libur' })
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays!: HolidayDto[];
}
