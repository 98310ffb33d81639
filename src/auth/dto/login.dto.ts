import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'nama pengguna wajib berupa teks' })
  @MinLength(1, { message: 'nama pengguna wajib diisi' })
  @MaxLength(200, { message: 'nama pengguna terlalu panjang' })
  username: string;

  @ApiProperty()
  @IsString({ message: 'kata sandi wajib berupa teks' })
  @MinLength(1, { message: 'kata sandi wajib diisi' })
  @MaxLength(256, { message: 'kata sandi terlalu panjang' })
  password: string;
}
