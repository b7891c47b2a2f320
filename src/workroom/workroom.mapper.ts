import { accuracyOf } from '../domain/accuracy.js';
import { SpecialtyAudits } from './coded-batches.service.js';
import { SpecialtyAccuracy } from './dto/specialty-accuracy.model.js';

export const toSpecialtyAccuracy = ({ specialty, sampled, errors }: SpecialtyAudits): SpecialtyAccuracy => ({ specialty, sampled, errors, score: accuracyOf(sampled, errors) });
