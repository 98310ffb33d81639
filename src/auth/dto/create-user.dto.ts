import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '../roles.decorator.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'analis.kominfo', pattern: USERNAME_PATTERN.source })
  @IsString({ message: 'nama pengguna wajib berupa teks' })
  @Matches(USERNAME_PATTERN, {
    message: 'nama pengguna 3–32 karakter: huruf, angka, titik, garis bawah atau tanda hubung',
  })
  username: string;

  @ApiProperty({ example: 'Budi Santoso' })
  @IsString({ message: 'nama tampilan wajib berupa teks' })
  @MinLength(1, { message: 'nama tampilan wajib diisi' })
  @MaxLength(100, { message: 'nama tampilan maksimal 100 karakter' })
  displayName: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: 'peran harus salah satu dari admin, analyst, pimpinan' })
  role: Role;

  @ApiPropertyOptional({ description: 'Tanpa kata sandi, sistem membuat kata sandi sementara' })
  @IsOptional()
  @IsString({ message: 'kata sandi wajib berupa teks' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter` })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `kata sandi maksimal ${MAX_PASSWORD_LENGTH} karakter` })
  password?: string;
}
