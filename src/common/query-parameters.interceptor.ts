import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

interface DeclaredParameter {
  name?: string;
  in?: string;
  type?: unknown;
  enum?: unknown[];
  schema?: { enum?: unknown[]; type?: string };
}

const BOOLEAN_VALUES = ['true', 'false'];

function problemOf(parameter: DeclaredParameter, value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return 'harus satu nilai';
  }
  const allowed = parameter.schema?.enum ?? parameter.enum;
  if (Array.isArray(allowed) && !allowed.map(String).includes(value)) {
    return `harus salah satu dari ${allowed.join(', ')}`;
  }
  const type = parameter.type === Boolean ? 'boolean' : parameter.type === Number ? 'number' : parameter.schema?.type;
  if (type === 'boolean' && !BOOLEAN_VALUES.includes(value)) {
    return 'harus true atau false';
  }
  if (type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) {
    return 'harus berupa angka';
  }
  return undefined;
}

/**
 * Query values declared one by one with `@ApiQuery` (enum, boolean, number) are checked against
 * that declaration before the handler runs, so what the OpenAPI document promises is what is
 * enforced: `?status=apa` or `?reanalyze=mungkin` answer 400 naming the parameter. Query DTOs are
 * validated by the global ValidationPipe as before.
 */
@Injectable()
export class QueryParametersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const declared = Reflect.getMetadata(DECORATORS.API_PARAMETERS, context.getHandler()) as
        DeclaredParameter[] | undefined;
      const query = context.switchToHttp().getRequest<Request>().query;
      const problems = (declared ?? [])
        .filter((parameter) => parameter.in === 'query' && parameter.name && query[parameter.name] !== undefined)
        .flatMap((parameter) => {
          const problem = problemOf(parameter, query[parameter.name as string]);
          return problem ? [`${parameter.name}: ${problem}`] : [];
        });
      if (problems.length > 0) {
        throw new BadRequestException(problems);
      }
    }
    return next.handle();
  }
}
