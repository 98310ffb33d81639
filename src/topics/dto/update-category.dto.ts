import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class CategoryKeywordDto {
  @ApiProperty({ example: 'jalan berlubang', description: 'A word, a phrase, or a prefix ending in *' })
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(60, { message: 'maksimal 60 karakter' })
  term!: string;

  @ApiProperty({ example: 2, description: '3 = decisive on its own, 2 = strong, 1 = supporting context' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'harus berupa angka' })
  @Min(0.1, { message: 'minimal 0,1' })
  @Max(5, { message: 'maksimal 5' })
  weight!: number;

  @ApiPropertyOptional({ description: 'OPD for posts this keyword decides (e.g. Damkar for fires)' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  opd?: string;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(80, { message: 'maksimal 80 karakter' })
  name?: string;

  @ApiPropertyOptional({ description: 'The OPD (agency) that handles this category' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  opd?: string;

  @ApiPropertyOptional({
    type: [CategoryKeywordDto],
    description: 'Replaces the keyword rules; an empty list restores the built-in defaults',
  })
  @IsOptional()
  @IsArray({ message: 'harus berupa daftar' })
  @ArrayMaxSize(1000, { message: 'maksimal 1000 kata kunci' })
  @ValidateNested({ each: true })
  @Type(() => CategoryKeywordDto)
  keywords?: CategoryKeywordDto[];
}
