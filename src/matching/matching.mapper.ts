import { toCoderProfile } from '../coders/coders.mapper.js';
import { CoderMatch } from './dto/match.models.js';
import { RankedCoder } from './matching.service.js';

export const toCoderMatch = ({ profile, score, reasons }: RankedCoder): CoderMatch => ({ coder: toCoderProfile(profile), score, reasons });
