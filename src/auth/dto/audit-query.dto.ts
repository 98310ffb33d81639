import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit harus bilangan bulat' })
  @Min(1, { message: 'limit minimal 1' })
  @Max(200, { message: 'limit maksimal 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor dari halaman sebelumnya' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor tidak valid' })
  cursor?: string;
}
