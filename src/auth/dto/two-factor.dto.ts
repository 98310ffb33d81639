import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../password-policy.js';

/** The code step of a login. */
export class LoginCodeDto {
  @ApiProperty({ description: 'challengeToken dari langkah kata sandi' })
  @IsString({ message: 'wajib berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(200, { message: 'terlalu panjang' })
  challengeToken: string;

  @ApiProperty({ description: 'Kode 6 angka dari aplikasi autentikator, atau satu kode pemulihan', example: '123456' })
  @IsString({ message: 'wajib berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(40, { message: 'terlalu panjang' })
  code: string;
}

/** A code from the authenticator app (confirming an enrolment, new recovery codes). */
export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString({ message: 'wajib berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(40, { message: 'terlalu panjang' })
  code: string;
}

/** Turning 2FA off needs a current code (or a recovery code) or the password. */
export class DisableTwoFactorDto {
  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString({ message: 'wajib berupa teks' })
  @MaxLength(40, { message: 'terlalu panjang' })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'wajib berupa teks' })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: 'terlalu panjang' })
  password?: string;
}
