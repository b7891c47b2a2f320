import { Injectable } from '@nestjs/common';
import { todayUtc } from '../common/scalars/local-date.scalar.js';
import { AppConfig } from '../config/app-config.js';
import { publishedAccuracy } from '../domain/accuracy.js';
import { credentialStanding } from '../domain/credential-rules.js';
import { UsersService } from '../users/users.service.js';
import { CoderProfilesService } from '../coders/coder-profiles.service.js';
import { publicProfileUrl, ratingAverage, toCoderProfile } from '../coders/coders.mapper.js';
import { CredentialsService } from '../coders/credentials.service.js';
import { CodedBatchesService } from '../workroom/coded-batches.service.js';
import { PublicProfileView } from './public-profile-page.js';

/** A sitemap file holds at most 50,000 URLs (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What the public profile pages and the sitemap show: opted-in profiles not held by exclusion screening, nothing else. */
@Injectable()
export class PublicProfilesService {
  constructor(
    private readonly profiles: CoderProfilesService,
    private readonly credentials: CredentialsService,
    private readonly users: UsersService,
    private readonly batches: CodedBatchesService,
    private readonly config: AppConfig,
  ) {}

  /** The page of `slug`; null (the caller answers 404) for a malformed or unknown slug, a profile not opted in, or a held one. */
  async viewBySlug(slug: string): Promise<PublicProfileView | null> {
    if (slug.length > 100 || !SLUG.test(slug)) return null;
    const entity = await this.profiles.findPublishedBySlug(slug);
    if (!entity) return null;
    const [user, credentials, audits] = await Promise.all([this.users.findById(entity.userId), this.credentials.listForCoder(entity.userId), this.batches.publishedAuditsOf([entity.userId])]);
    if (!user) return null;
    const profile = toCoderProfile(entity);
    const { sampled, errors } = audits.get(entity.userId)!;
    const today = todayUtc();
    return {
      name: user.name,
      headline: profile.headline,
      bio: profile.bio,
      yearsExperience: profile.yearsExperience,
      specialties: profile.specialties,
      // Only credentials that count today (verified, unexpired, membership kept): the directory's rule.
      credentials: credentials
        .filter((credential) => credentialStanding(credential, today).active)
        .map((credential) => ({ type: credential.type, expiresOn: credential.expiresOn }))
        .sort((a, b) => a.type.localeCompare(b.type)),
      ratingAverage: ratingAverage(entity.ratingTotal, entity.ratingCount),
      ratingCount: entity.ratingCount,
      // The rule of CoderProfile.accuracyScore: only audits of contracts that paid the coder publish.
      accuracy: publishedAccuracy(sampled, errors, this.config.env.ACCURACY_MIN_SAMPLE),
      auditedCharts: sampled,
      accuracyMinSample: this.config.env.ACCURACY_MIN_SAMPLE,
      url: publicProfileUrl(this.config.env.APP_URL, slug),
      updatedAt: entity.updatedAt,
    };
  }

  /** The published pages for the sitemap (the first SITEMAP_MAX_URLS by slug). */
  async sitemapEntries(): Promise<{ url: string; updatedAt: Date }[]> {
    const rows = await this.profiles.publishedSlugs(SITEMAP_MAX_URLS);
    return rows.map((row) => ({ url: publicProfileUrl(this.config.env.APP_URL, row.slug), updatedAt: new Date(row.updatedAt) }));
  }
}
