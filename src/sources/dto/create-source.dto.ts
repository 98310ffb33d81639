import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SOURCE_TYPES, type SourceType } from '../connectors/connector.types.js';

export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 7 * 24 * 3600;

export class CreateSourceDto {
  @ApiProperty({ enum: SOURCE_TYPES })
  @IsIn(SOURCE_TYPES, { message: `type: harus salah satu dari ${SOURCE_TYPES.join(', ')}` })
  type!: SourceType;

  @ApiProperty({ example: 'Portal berita Samarinda' })
  @IsString({ message: 'name: harus berupa teks' })
  @Length(1, 120, { message: 'name: panjang nama 1 sampai 120 karakter' })
  name!: string;

  @ApiPropertyOptional({ description: 'Konfigurasi konektor, misalnya {"url": "https://…/rss"}', type: Object })
  @IsOptional()
  @IsObject({ message: 'config: harus berupa objek' })
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: MIN_INTERVAL_SECONDS, maximum: MAX_INTERVAL_SECONDS, default: 300 })
  @IsOptional()
  @IsInt({ message: 'intervalSeconds: harus bilangan bulat (detik)' })
  @Min(MIN_INTERVAL_SECONDS, { message: `intervalSeconds: paling sedikit ${MIN_INTERVAL_SECONDS} detik` })
  @Max(MAX_INTERVAL_SECONDS, { message: `intervalSeconds: paling lama ${MAX_INTERVAL_SECONDS} detik (7 hari)` })
  intervalSeconds?: number;
}
