import { describe, expect, it } from '@jest/globals';
import { CredentialType } from './credential-type.enum.js';
import { checkRequirements, describeUnmet, groupLabel, heldForRequirements, typesMeeting, unmetGroups } from './credential-requirements.js';

const { CPC, CPC_A, CCS_P, COC, CRC } = CredentialType;

describe('credential requirements', () => {
  describe(typesMeeting.name, () => {
    it('takes the apprentice designation for the full one only when apprentices are accepted', () => {
      expect(typesMeeting(CPC, false)).toEqual([CPC]);
      expect(typesMeeting(CPC, true)).toEqual([CPC, CPC_A]);
    });
    it('takes the full designation for the apprentice one always', () => {
      expect(typesMeeting(CPC_A, false)).toEqual([CPC_A, CPC]);
    });
  });

  describe(groupLabel.name, () => {
    it('names one type alone and several as "any of"', () => {
      expect(groupLabel([CRC])).toBe('CRC');
      expect(groupLabel([CPC, CCS_P])).toBe('any of CPC, CCS-P');
    });
  });

  describe(checkRequirements.name, () => {
    it('says which credential met each group, the group’s own types first', () => {
      const checks = checkRequirements({ groups: [[CPC, CCS_P], [CRC]], apprenticesAccepted: true }, [CPC_A, CCS_P, CRC]);
      expect(checks.map((check) => check.metBy)).toEqual([CCS_P, CRC]);
    });
    it('leaves a group unmet when nothing held meets it', () => {
      expect(unmetGroups({ groups: [[CPC, CCS_P], [CRC]], apprenticesAccepted: false }, [COC, CRC]).map((check) => check.label)).toEqual(['any of CPC, CCS-P']);
    });
  });

  describe(describeUnmet.name, () => {
    it('lists single types together and names each "any of" group, with a note for a refused apprentice', () => {
      const requirements = { groups: [[CRC], [CPC, CCS_P]], apprenticesAccepted: false };
      expect(describeUnmet(unmetGroups(requirements, [CPC_A]), requirements, [CPC_A])).toBe("CRC credential and a credential meeting 'any of CPC, CCS-P' (this posting does not accept apprentices)");
      expect(describeUnmet(unmetGroups(requirements, [COC]), requirements, [COC])).toBe("CRC credential and a credential meeting 'any of CPC, CCS-P'");
    });
  });

  describe(heldForRequirements.name, () => {
    it('is what the held types can meet, by whether apprentices are accepted', () => {
      expect(heldForRequirements([CPC], false)).toEqual([CPC, CPC_A]);
      expect(heldForRequirements([CPC_A], false)).toEqual([CPC_A]);
      expect(heldForRequirements([CPC_A], true)).toEqual([CPC, CPC_A]);
    });
  });
});
