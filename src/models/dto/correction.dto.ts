import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export class CreateCorrectionDto {
  @ApiPropertyOptional({ enum: ['positive', 'neutral', 'negative'] })
  @IsOptional()
  @IsIn(['positive', 'neutral', 'negative'], { message: 'harus positive, neutral, atau negative' })
  sentiment?: 'positive' | 'neutral' | 'negative';

  @ApiPropertyOptional({ description: 'Category slug', example: 'infrastruktur' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'harus slug kategori yang valid' })
  category?: string;
}
