import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { competencyIds, pageDomains } from './data/curriculum';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** The part of the site the page belongs to: an exam domain or one of the site's own sections. */
        domain: z.enum(pageDomains).optional(),
        /**
         * Curriculum competency ids the page teaches (from src/data/curriculum.ts). An unknown id fails the build.
         */
        competencies: z
          .array(z.string())
          .default([])
          .superRefine((ids, ctx) => {
            for (const id of ids) {
              if (!competencyIds.includes(id)) {
                ctx.addIssue({
                  code: 'custom',
                  message: `Unknown competency id "${id}". Known ids: ${competencyIds.join(', ')} (see src/data/curriculum.ts).`,
                });
              }
            }
          }),
        /** What sort of page this is. */
        kind: z.enum(['topic', 'cheatsheet', 'lab', 'exam']).default('topic'),
      }),
    }),
  }),
};
