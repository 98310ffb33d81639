import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportListQueryDto {
  @ApiPropertyOptional({ description: 'Tanggal laporan pertama (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'harus tanggal YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Tanggal laporan terakhir (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'harus tanggal YYYY-MM-DD' })
  to?: string;
}

export class RegenerateReportDto {
  @ApiPropertyOptional({ description: 'Tanggal laporan (YYYY-MM-DD); bawaan: laporan yang jatuh tempo terakhir' })
  @IsOptional()
  @Matches(DATE, { message: 'harus tanggal YYYY-MM-DD' })
  date?: string;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['docx', 'pdf'] })
  @IsIn(['docx', 'pdf'], { message: 'harus docx atau pdf' })
  format!: 'docx' | 'pdf';
}
