/**
 * Imported first by every browser entry: zod compiles object parsers with `new Function` unless told not to,
 * and the pages' Content-Security-Policy forbids eval. With jitless it never even probes for it.
 */
import { config } from 'zod';

config({ jitless: true });
