import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';
import { DASHBOARD_LANGUAGES, type DashboardLanguage } from '../dashboard-language.js';

/** Delivery fields and the dashboard language of an account; `null` clears a delivery field. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ nullable: true, description: 'Alamat e-mail untuk laporan harian' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @MaxLength(254, { message: 'e-mail maksimal 254 karakter' })
  @IsEmail({}, { message: 'harus alamat e-mail yang valid' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'ID obrolan Telegram (angka) atau @namakanal' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @Matches(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, {
    message: 'harus ID obrolan Telegram (angka) atau @namakanal',
  })
  telegramChatId?: string | null;

  @ApiPropertyOptional({ description: 'Menerima laporan harian (hanya berlaku untuk peran pimpinan)' })
  @IsOptional()
  @IsBoolean({ message: 'harus bernilai true atau false' })
  dailyReportOptIn?: boolean;

  @ApiPropertyOptional({ enum: DASHBOARD_LANGUAGES, description: 'Bahasa dasbor: id (bahasa Indonesia) atau en' })
  @IsOptional()
  @IsIn(DASHBOARD_LANGUAGES, { message: 'harus id (bahasa Indonesia) atau en (bahasa Inggris)' })
  language?: DashboardLanguage;
}
