import type { RegisterDb } from '@/lib/register/db';
import { searchCustomers } from '@/lib/register/customer-search';

/** Search results as customer ids, for compact assertions. */
export async function customerSearch(db: RegisterDb, q: string): Promise<string[]> {
  return (await searchCustomers(db, q)).map((c) => c.id);
}
