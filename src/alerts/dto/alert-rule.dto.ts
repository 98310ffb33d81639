import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ALERTABLE_STATES, type AlertableIssueState } from '../alert.types.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
export const MAX_COOLDOWN_MINUTES = 7 * 24 * 60;

export class AlertConditionsDto {
  @ApiPropertyOptional({ description: 'Severity at least this (0..100)', example: 60 })
  @IsOptional()
  @IsNumber({}, { message: 'harus berupa angka' })
  @Min(0, { message: 'minimal 0' })
  @Max(100, { message: 'maksimal 100' })
  minSeverity?: number;

  @ApiPropertyOptional({ type: [String], description: 'Tracked topic ids; the issue matches any' })
  @IsOptional()
  @IsArray({ message: 'harus berupa daftar' })
  @ArrayMaxSize(50, { message: 'maksimal 50 topik' })
  @IsUUID('all', { each: true, message: 'harus ID topik yang valid' })
  topicIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['bencana', 'utilitas'] })
  @IsOptional()
  @IsArray({ message: 'harus berupa daftar' })
  @ArrayMaxSize(50, { message: 'maksimal 50 kategori' })
  @Matches(SLUG, { each: true, message: 'harus slug kategori yang valid' })
  categories?: string[];

  @ApiPropertyOptional({ type: [String], example: ['64.72'], description: 'Kemendagri codes, prefix match' })
  @IsOptional()
  @IsArray({ message: 'harus berupa daftar' })
  @ArrayMaxSize(100, { message: 'maksimal 100 kode wilayah' })
  @Matches(REGION_CODE, { each: true, message: 'harus kode wilayah Kemendagri seperti 64 atau 64.72' })
  regionCodes?: string[];

  @ApiPropertyOptional({ description: 'Share of negative posts at least this (0..1)', example: 0.5 })
  @IsOptional()
  @IsNumber({}, { message: 'harus berupa angka' })
  @Min(0, { message: 'minimal 0' })
  @Max(1, { message: 'maksimal 1' })
  minNegativeShare?: number;

  @ApiPropertyOptional({ enum: ALERTABLE_STATES, isArray: true, description: 'Default: emerging and trending' })
  @IsOptional()
  @IsArray({ message: 'harus berupa daftar' })
  @IsIn(ALERTABLE_STATES as AlertableIssueState[], {
    each: true,
    message: 'harus emerging, trending, declining, atau dormant',
  })
  states?: AlertableIssueState[];

  @ApiPropertyOptional({ description: 'true: only near-duplicate campaigns; false: only organic issues' })
  @IsOptional()
  @IsBoolean({ message: 'harus true atau false' })
  campaign?: boolean;
}

const CHANNELS_DOC = {
  description:
    'Channels: {type:"telegram", chatId} | {type:"email", to:[...]} | {type:"webhook", url, secret?}. ' +
    'A webhook secret signs the body (X-Pantau-Signature-256: sha256=<hex HMAC>); on update, a webhook ' +
    'without a secret keeps the secret of the same URL.',
  example: [{ type: 'telegram', chatId: '-1001234567890' }],
  type: 'array',
  items: { type: 'object' },
} as const;

export class CreateAlertRuleDto {
  @ApiProperty({ example: 'Bencana di Samarinda' })
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  name!: string;

  @ApiProperty({ type: AlertConditionsDto })
  @ValidateNested()
  @Type(() => AlertConditionsDto)
  conditions!: AlertConditionsDto;

  @ApiProperty(CHANNELS_DOC)
  @IsArray({ message: 'harus berupa daftar kanal' })
  channels!: unknown[];

  @ApiPropertyOptional({ description: 'At most one alert per issue per this many minutes', example: 60 })
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(0, { message: 'minimal 0' })
  @Max(MAX_COOLDOWN_MINUTES, { message: `maksimal ${MAX_COOLDOWN_MINUTES} menit` })
  cooldownMinutes?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'harus true atau false' })
  active?: boolean;
}

export class UpdateAlertRuleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MinLength(1, { message: 'wajib diisi' })
  @MaxLength(120, { message: 'maksimal 120 karakter' })
  name?: string;

  @ApiPropertyOptional({ type: AlertConditionsDto, description: 'Replaces the conditions' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AlertConditionsDto)
  conditions?: AlertConditionsDto;

  @ApiPropertyOptional(CHANNELS_DOC)
  @IsOptional()
  @IsArray({ message: 'harus berupa daftar kanal' })
  channels?: unknown[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'harus bilangan bulat' })
  @Min(0, { message: 'minimal 0' })
  @Max(MAX_COOLDOWN_MINUTES, { message: `maksimal ${MAX_COOLDOWN_MINUTES} menit` })
  cooldownMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'harus true atau false' })
  active?: boolean;
}

export class AlertVerdictDto {
  @ApiPropertyOptional({ description: 'Why (kept with the alert, not in the audit details)' })
  @IsOptional()
  @IsString({ message: 'harus berupa teks' })
  @MaxLength(500, { message: 'maksimal 500 karakter' })
  note?: string;
}
