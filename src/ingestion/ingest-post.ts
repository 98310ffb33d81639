/** One post as producers hand it to ingestion (validated; PII-masked before it enters the ingest queue). */
export interface IngestPostPayload {
  externalId: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
  author?: string;
  url?: string;
  lang?: string;
  metrics?: { likes?: number; replies?: number; reposts?: number; views?: number };
  /** The platform's original record, PII-masked; stored for audit and re-parsing. */
  raw?: unknown;
}
