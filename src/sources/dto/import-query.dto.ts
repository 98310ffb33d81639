import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class ImportQueryDto {
  @ApiProperty({ description: 'Nama sumber tujuan; dibuat (tipe push) bila belum ada' })
  @IsString({ message: 'source: harus berupa teks' })
  @Length(1, 120, { message: 'source: panjang nama 1 sampai 120 karakter' })
  source!: string;

  @ApiPropertyOptional({ enum: ['csv', 'jsonl'], description: 'Bawaan: dari Content-Type atau nama berkas' })
  @IsOptional()
  @IsIn(['csv', 'jsonl'], { message: 'format: harus csv atau jsonl' })
  format?: string;

  @ApiPropertyOptional({ description: 'Nama berkas asal (untuk catatan dan untuk menebak format)' })
  @IsOptional()
  @IsString({ message: 'fileName: harus berupa teks' })
  @MaxLength(255, { message: 'fileName: terlalu panjang' })
  fileName?: string;

  @ApiPropertyOptional({ description: 'Pemetaan kolom, mis. text=content,createdAt=date' })
  @IsOptional()
  @IsString({ message: 'map: harus berupa teks' })
  @MaxLength(1000, { message: 'map: terlalu panjang' })
  map?: string;
}
