import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BRIEF_FONTS } from '../brief-template.js';
import { SignatoryPatchDto } from './brief-requests.dto.js';

const TEXT = { message: 'harus berupa teks' };
const LONG = { message: 'paling banyak 300 karakter' };
const BOOL = { message: 'harus bernilai true atau false' };

class LetterheadDto {
  @ApiProperty() @IsString(TEXT) @MaxLength(300, LONG) government!: string;
  @ApiProperty() @IsString(TEXT) @MaxLength(300, LONG) office!: string;

  @ApiProperty({ type: [String] })
  @IsArray({ message: 'harus berupa daftar baris' })
  @ArrayMaxSize(5, { message: 'paling banyak 5 baris' })
  @IsString({ each: true, message: 'setiap baris harus berupa teks' })
  @MaxLength(300, { each: true, message: 'setiap baris paling banyak 300 karakter' })
  lines!: string[];

  @ApiProperty({ nullable: true, description: 'PNG or JPEG data URL, at most 1 MB' })
  @IsOptional()
  @Matches(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/u, {
    message: 'harus gambar PNG atau JPEG sebagai data URL (data:image/png;base64,…)',
  })
  @MaxLength(1_400_000, { message: 'paling besar sekitar 1 MB' })
  logo!: string | null;
}

class MarginsDto {
  @ApiProperty()
  @IsNumber({}, { message: 'harus berupa angka (cm)' })
  @Min(0.5, { message: 'paling kecil 0,5 cm' })
  @Max(6, { message: 'paling besar 6 cm' })
  top!: number;
  @ApiProperty()
  @IsNumber({}, { message: 'harus berupa angka (cm)' })
  @Min(0.5, { message: 'paling kecil 0,5 cm' })
  @Max(6, { message: 'paling besar 6 cm' })
  bottom!: number;
  @ApiProperty()
  @IsNumber({}, { message: 'harus berupa angka (cm)' })
  @Min(0.5, { message: 'paling kecil 0,5 cm' })
  @Max(6, { message: 'paling besar 6 cm' })
  left!: number;
  @ApiProperty()
  @IsNumber({}, { message: 'harus berupa angka (cm)' })
  @Min(0.5, { message: 'paling kecil 0,5 cm' })
  @Max(6, { message: 'paling besar 6 cm' })
  right!: number;
}

class TitlesDto {
  @ApiProperty({ enum: ['Kesimpulan', 'Simpulan'] })
  @IsIn(['Kesimpulan', 'Simpulan'], { message: "harus 'Kesimpulan' atau 'Simpulan'" })
  kesimpulan!: 'Kesimpulan' | 'Simpulan';

  @ApiProperty({ enum: ['Saran', 'Saran Tindak'] })
  @IsIn(['Saran', 'Saran Tindak'], { message: "harus 'Saran' atau 'Saran Tindak'" })
  saran!: 'Saran' | 'Saran Tindak';
}

class OptionalSectionsDto {
  @ApiProperty() @IsBoolean(BOOL) dasar!: boolean;
  @ApiProperty() @IsBoolean(BOOL) praanggapan!: boolean;
}

class ResponseHoursDto {
  @ApiProperty()
  @IsInt({ message: 'harus bilangan bulat (jam)' })
  @Min(1, { message: 'paling kecil 1 jam' })
  @Max(240, { message: 'paling besar 240 jam' })
  kritis!: number;
  @ApiProperty()
  @IsInt({ message: 'harus bilangan bulat (jam)' })
  @Min(1, { message: 'paling kecil 1 jam' })
  @Max(240, { message: 'paling besar 240 jam' })
  tinggi!: number;
  @ApiProperty()
  @IsInt({ message: 'harus bilangan bulat (jam)' })
  @Min(1, { message: 'paling kecil 1 jam' })
  @Max(240, { message: 'paling besar 240 jam' })
  sedang!: number;
  @ApiProperty()
  @IsInt({ message: 'harus bilangan bulat (jam)' })
  @Min(1, { message: 'paling kecil 1 jam' })
  @Max(240, { message: 'paling besar 240 jam' })
  rendah!: number;
}

class HeaderDefaultsDto {
  @ApiProperty() @IsString(TEXT) @MaxLength(300, LONG) kepada!: string;
  @ApiProperty() @IsString(TEXT) @MaxLength(300, LONG) melalui!: string;
  @ApiProperty() @IsString(TEXT) @MaxLength(300, LONG) dari!: string;
  @ApiProperty() @IsString(TEXT) @MaxLength(300, LONG) sifat!: string;

  @ApiProperty({ type: SignatoryPatchDto })
  @ValidateNested()
  @Type(() => SignatoryPatchDto)
  penandatangan!: SignatoryPatchDto;
}

class OfficialVoicesDto {
  @ApiProperty({ type: [String], description: 'Ids of sources whose every post is official' })
  @IsArray({ message: 'harus berupa daftar id sumber' })
  @ArrayMaxSize(50, { message: 'paling banyak 50 sumber' })
  @IsUUID('all', { each: true, message: 'setiap sumber harus id sumber (UUID)' })
  sources!: string[];

  @ApiProperty({ type: [String], description: 'Handles of official accounts (with or without @)' })
  @IsArray({ message: 'harus berupa daftar akun' })
  @ArrayMaxSize(200, { message: 'paling banyak 200 akun' })
  @Matches(/^@?[\p{L}\p{N}_.-]{1,100}$/u, {
    each: true,
    message: 'setiap akun harus nama akun tanpa spasi (huruf, angka, _ . -), paling banyak 100 karakter',
  })
  accounts!: string[];
}

/** PUT /api/settings/brief-template: the whole template (GET it, change, PUT it back). */
export class BriefTemplateDto {
  @ApiProperty({ type: LetterheadDto }) @ValidateNested() @Type(() => LetterheadDto) letterhead!: LetterheadDto;

  @ApiProperty({ enum: ['A4', 'F4'] })
  @IsIn(['A4', 'F4'], { message: "harus 'A4' atau 'F4' (215×330 mm)" })
  paper!: 'A4' | 'F4';

  @ApiProperty({ type: MarginsDto }) @ValidateNested() @Type(() => MarginsDto) margins!: MarginsDto;

  @ApiProperty({ enum: BRIEF_FONTS })
  @IsIn(BRIEF_FONTS, { message: `harus salah satu huruf yang disertakan: ${BRIEF_FONTS.join(', ')}` })
  font!: (typeof BRIEF_FONTS)[number];

  @ApiProperty()
  @IsNumber({}, { message: 'harus berupa angka (pt)' })
  @Min(9, { message: 'paling kecil 9 pt' })
  @Max(14, { message: 'paling besar 14 pt' })
  fontSize!: number;

  @ApiProperty({ description: 'Embed the font files in DOCX exports (else the DOCX names Arial)' })
  @IsBoolean(BOOL)
  docxEmbedFonts!: boolean;

  @ApiProperty({ type: TitlesDto }) @ValidateNested() @Type(() => TitlesDto) titles!: TitlesDto;
  @ApiProperty({ type: OptionalSectionsDto })
  @ValidateNested()
  @Type(() => OptionalSectionsDto)
  sections!: OptionalSectionsDto;

  @ApiProperty({ type: [String] })
  @IsArray({ message: 'harus berupa daftar butir' })
  @ArrayMaxSize(10, { message: 'paling banyak 10 butir' })
  @IsString({ each: true, message: 'setiap butir harus berupa teks' })
  @MaxLength(500, { each: true, message: 'setiap butir paling banyak 500 karakter' })
  dasar!: string[];

  @ApiProperty({ enum: ['alpha', 'decimal'] })
  @IsIn(['alpha', 'decimal'], { message: "harus 'alpha' (a., b.) atau 'decimal' (1., 2.)" })
  numbering!: 'alpha' | 'decimal';

  @ApiProperty({ type: ResponseHoursDto })
  @ValidateNested()
  @Type(() => ResponseHoursDto)
  responseHours!: ResponseHoursDto;
  @ApiProperty({ type: HeaderDefaultsDto })
  @ValidateNested()
  @Type(() => HeaderDefaultsDto)
  defaults!: HeaderDefaultsDto;

  @ApiProperty({ type: OfficialVoicesDto, required: false, description: 'Official sources and accounts' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfficialVoicesDto)
  official?: OfficialVoicesDto;
}
