import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from './create-source.dto.js';

/**
 * A partial change. `config` replaces the whole config, except secret fields that are left out or
 * sent back masked (`••••1234`): those keep their stored value; `null` clears one.
 */
export class UpdateSourceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'name: harus berupa teks' })
  @Length(1, 120, { message: 'name: panjang nama 1 sampai 120 karakter' })
  name?: string;

  @ApiPropertyOptional({ type: Object })
  @IsOptional()
  @IsObject({ message: 'config: harus berupa objek' })
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ minimum: MIN_INTERVAL_SECONDS, maximum: MAX_INTERVAL_SECONDS })
  @IsOptional()
  @IsInt({ message: 'intervalSeconds: harus bilangan bulat (detik)' })
  @Min(MIN_INTERVAL_SECONDS, { message: `intervalSeconds: paling sedikit ${MIN_INTERVAL_SECONDS} detik` })
  @Max(MAX_INTERVAL_SECONDS, { message: `intervalSeconds: paling lama ${MAX_INTERVAL_SECONDS} detik (7 hari)` })
  intervalSeconds?: number;
}
