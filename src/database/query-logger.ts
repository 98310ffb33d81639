import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

const QUERY_HEAD_LENGTH = 120;

/** The first words of a query, on one line: enough to tell which statement failed. */
function queryHead(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > QUERY_HEAD_LENGTH ? `${line.slice(0, QUERY_HEAD_LENGTH)}…` : line;
}

/**
 * TypeORM's logger for every data source: failed and slow queries are logged with the start of the
 * statement and the database's message, never with their parameters (a batch insert's parameters
 * are every post's text, author and URL). Other events are left to the callers.
 */
export class ParameterFreeQueryLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Queries are not logged.
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`Query failed: ${message} (${queryHead(query)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${queryHead(query)}`);
  }

  logSchemaBuild(): void {
    // synchronize is off: no schema builds.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') {
      this.logger.warn(String(message));
    }
  }
}
