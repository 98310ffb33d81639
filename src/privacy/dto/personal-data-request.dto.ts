import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const ERASE_MODES = ['erase', 'anonymise'] as const;
export type EraseMode = (typeof ERASE_MODES)[number];

/** Who a request of a data subject (UU PDP) is about: one author handle on one source. */
export class PersonalDataRequestDto {
  @ApiProperty({ description: 'Id (UUID) atau nama sumber', example: 'Mastodon Kaltim' })
  @IsString({ message: 'wajib berupa teks (id atau nama sumber)' })
  @MinLength(1, { message: 'wajib diisi (id atau nama sumber)' })
  @MaxLength(200, { message: 'maksimal 200 karakter' })
  source: string;

  @ApiProperty({ description: 'Nama akun penulis seperti tersimpan (tanda @ di depan boleh ada atau tidak)' })
  @IsString({ message: 'wajib berupa teks (nama akun penulis)' })
  @Matches(/[^\s@]/u, { message: 'wajib diisi (nama akun penulis)' })
  @MaxLength(300, { message: 'maksimal 300 karakter' })
  handle: string;
}

export class PersonalDataEraseDto extends PersonalDataRequestDto {
  @ApiProperty({
    enum: ERASE_MODES,
    description: 'erase: hapus unggahan dan semua turunannya; anonymise: hapus identitas, unggahan tetap dihitung',
  })
  @IsIn(ERASE_MODES, { message: 'harus erase atau anonymise' })
  mode: EraseMode;
}
