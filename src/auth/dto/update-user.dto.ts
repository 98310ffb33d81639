import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../roles.decorator.js';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'nama tampilan wajib berupa teks' })
  @MinLength(1, { message: 'nama tampilan wajib diisi' })
  @MaxLength(100, { message: 'nama tampilan maksimal 100 karakter' })
  displayName?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: 'peran harus salah satu dari admin, analyst, pimpinan' })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'aktif harus bernilai true atau false' })
  active?: boolean;
}
