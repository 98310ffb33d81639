import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Delivery fields of an account; `null` clears a field. */
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
}
