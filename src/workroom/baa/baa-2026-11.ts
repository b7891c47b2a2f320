/**
 * The Business Associate Agreement, version 2026-11, word for word. Never edit a published
 * version: its SHA-256 is what signatures recorded. A new version is a new file, listed in
 * `agreements.ts` as the current one.
 */
export const BAA_2026_11 = {
  version: 'ChartBridge Business Associate Agreement v1 (2026-11)',
  effectiveOn: '2026-11-01',
  text: `CHARTBRIDGE BUSINESS ASSOCIATE AGREEMENT (version 2026-11)

This Business Associate Agreement ("Agreement") is made between the healthcare practice that is a party to the
ChartBridge contract on which it is signed ("Covered Entity") and the coder, or the coding company acting for its
coder, that is the other party to that contract ("Business Associate"), under the Health Insurance Portability and
Accountability Act of 1996 and its regulations at 45 CFR Parts 160 and 164 ("HIPAA").

1. Definitions. Terms used and not defined here have the meaning HIPAA gives them, in particular "Protected Health
   Information" ("PHI"), "Breach", "Security Incident", "Subcontractor" and "Unsecured PHI".

2. Permitted uses and disclosures. Business Associate may use and disclose PHI only to perform the services of the
   contract (medical coding, auditing, clinical documentation improvement, charge entry, billing, denial management,
   accounts receivable follow-up and payment posting, as the contract says), as required by law, or as Covered
   Entity may itself use and disclose it. Business Associate uses the minimum necessary PHI.

3. Safeguards. Business Associate uses administrative, physical and technical safeguards, and complies with
   Subpart C of 45 CFR Part 164, to prevent any use or disclosure of electronic PHI other than as this Agreement
   provides. PHI is exchanged only through the contract's workroom; messages carry no PHI.

4. Reporting. Business Associate reports to Covered Entity, without unreasonable delay and in no case later than
   ten (10) calendar days after discovery, any use or disclosure not provided for by this Agreement, any Security
   Incident, and any Breach of Unsecured PHI, with the information 45 CFR 164.410 requires.

5. Subcontractors. Business Associate ensures, under 45 CFR 164.502(e)(1)(ii) and 164.308(b)(2), that any
   Subcontractor that creates, receives, maintains or transmits PHI for it (such as a coder working the contract
   for a coding company) agrees in writing to the same restrictions and conditions, before that Subcontractor
   touches PHI.

6. Individual rights. Business Associate makes PHI available for access and amendment, and the information needed
   for an accounting of disclosures, as 45 CFR 164.524, 164.526 and 164.528 require, within fifteen (15) days of
   Covered Entity's request.

7. Books and records. Business Associate makes its internal practices, books and records about PHI available to
   the Secretary of Health and Human Services for determining compliance with HIPAA.

8. Term and termination. This Agreement lasts as long as the contract and until all PHI is returned or destroyed.
   Covered Entity may end the contract if Business Associate violates a material term of this Agreement and does
   not cure it within the time Covered Entity specifies.

9. Return or destruction. When the contract ends, Business Associate returns or destroys all PHI it holds and
   keeps no copies. The platform destroys the PHI held in the contract's workroom after the retention period it
   publishes, and records the destruction for both parties.

10. Miscellaneous. Any ambiguity is resolved to permit compliance with HIPAA. This Agreement is accepted
    electronically: each party's signature records this version, its SHA-256 digest, the signer, the time and the
    network address.
`,
} as const;
