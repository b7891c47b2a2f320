import { publishedAccuracy } from '../domain/accuracy.js';
import type { SpecialtyAudits } from './coded-batches.service.js';
import { SpecialtyAccuracy } from './dto/specialty-accuracy.model.js';

export const toSpecialtyAccuracy = ({ specialty, sampled, errors }: SpecialtyAudits, minSample: number): SpecialtyAccuracy => ({
  specialty,
  sampled,
  errors,
  score: publishedAccuracy(sampled, errors, minSample),
});
