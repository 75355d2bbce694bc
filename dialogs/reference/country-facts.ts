/**
 * Country reference data: facts the organisation maintains (with source and date), never opinions
 * hard-coded in the bot. Triage reads them; the bot layer loads them from configuration.
 */
import { z } from 'zod';

export const countryFactsSchema = z.object({
  /** ISO 3166-1 alpha-2 code, upper case. */
  code: z.string().regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code such as "SE"'),
  euEea: z.boolean().default(false),
  /** The EU Commission has adopted a GDPR adequacy decision for this country. */
  gdprAdequacy: z.boolean().default(false),
  /** Under EU restrictive measures (sanctions) relevant to research and trade. */
  euSanctions: z.boolean().default(false),
  /** Academic freedom as a coarse indicator: 1 = well protected, 3 = seriously restricted. */
  academicFreedom: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  /** Laws that can oblige institutions or people to assist state intelligence or the military. */
  intelligenceCooperationLaw: z.boolean().default(false),
  note: z.string().max(500).optional(),
});

export type CountryFacts = z.infer<typeof countryFactsSchema>;

export const countryReferenceSchema = z.object({
  source: z.string().min(1),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD'),
  countries: z.array(countryFactsSchema),
});

export type CountryReference = z.infer<typeof countryReferenceSchema>;

/** A country the user can pick: code and display name. The name list comes from the bot layer. */
export interface CountryOption {
  code: string;
  name: string;
}

/** Facts for one country; a country without an entry has every flag false. */
export function factsFor(reference: CountryReference, code: string | undefined): CountryFacts {
  const found = code ? reference.countries.find((c) => c.code === code) : undefined;
  return (
    found ?? {
      code: code ?? 'XX',
      euEea: false,
      gdprAdequacy: false,
      euSanctions: false,
      intelligenceCooperationLaw: false,
    }
  );
}
