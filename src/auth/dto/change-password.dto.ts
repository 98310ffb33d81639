import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.js';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString({ message: 'kata sandi saat ini wajib berupa teks' })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: 'kata sandi saat ini terlalu panjang' })
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString({ message: 'kata sandi baru wajib berupa teks' })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `kata sandi baru minimal ${MIN_PASSWORD_LENGTH} karakter` })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `kata sandi baru maksimal ${MAX_PASSWORD_LENGTH} karakter` })
  newPassword: string;
}
