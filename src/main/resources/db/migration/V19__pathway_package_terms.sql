-- What a pathway's referrals carry beyond what every referral needs (names, dates of birth, nationality, household,
-- protection needs, family ties in the partner's country): the applicant's and household's vulnerabilities and the
-- interview summary, as the identity document already was (requires_document_number). Data, set by admins per
-- pathway; a pathway named without them receives none. The seeded pathways keep what they received so far.
alter table partner_pathway add column shares_vulnerabilities boolean not null default false;
alter table partner_pathway add column shares_interview_summary boolean not null default false;
update partner_pathway set shares_vulnerabilities = true, shares_interview_summary = true;
