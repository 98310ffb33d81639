import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { BRIEF_STATES } from '../brief.types.js';

const TEXT = { message: 'harus berupa teks' };
const LONG = { message: 'paling banyak 300 karakter' };

export class SignatoryPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) jabatan?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) nama?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) pangkat?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString(TEXT)
  @MaxLength(64, { message: 'paling banyak 64 karakter' })
  nip?: string;
}

export class HeaderPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) kepada?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) melalui?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) dari?: string;

  @ApiPropertyOptional({ description: "Local date 'YYYY-MM-DD'" })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/u, { message: 'harus tanggal berformat YYYY-MM-DD' })
  tanggal?: string;

  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) nomor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) sifat?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) lampiran?: string;
  @ApiPropertyOptional() @IsOptional() @IsString(TEXT) @MaxLength(300, LONG) hal?: string;

  @ApiPropertyOptional({ type: SignatoryPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignatoryPatchDto)
  penandatangan?: SignatoryPatchDto;
}

export class PatchBriefDto {
  @ApiPropertyOptional({
    description:
      'Sections to replace, keyed persoalan, praanggapan, fakta, analisis, kesimpulan, saran, dasar; each ' +
      '{blocks: [{type: "paragraph", runs: [{text, bold?, italic?}]} | {type: "list", style: "alpha"|"decimal", ' +
      'items: [[run…]…]} | {type: "chart", chart: "volume"}]}; null removes an optional section',
  })
  @IsOptional()
  @IsObject({ message: 'harus berupa objek per bagian' })
  sections?: Record<string, unknown>;

  @ApiPropertyOptional({ type: HeaderPatchDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HeaderPatchDto)
  header?: HeaderPatchDto;
}

export class ReturnBriefDto {
  @ApiProperty({ description: 'Why the brief goes back to the analyst' })
  @IsString(TEXT)
  @Matches(/\S/u, { message: 'wajib diisi' })
  @MaxLength(2000, { message: 'paling banyak 2000 karakter' })
  comment!: string;
}

export class DecisionNoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString(TEXT)
  @MaxLength(2000, { message: 'paling banyak 2000 karakter' })
  comment?: string;
}

export class ListBriefsQuery {
  @ApiPropertyOptional({ enum: BRIEF_STATES })
  @IsOptional()
  @IsIn(BRIEF_STATES, { message: `harus salah satu dari ${BRIEF_STATES.join(', ')}` })
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'harus berupa UUID isu' })
  issueId?: string;
}

export class ExportBriefQuery {
  @ApiProperty({ enum: ['docx', 'pdf'] })
  @IsIn(['docx', 'pdf'], { message: "harus 'docx' atau 'pdf'" })
  format!: 'docx' | 'pdf';
}
