-- Accounts, sessions and API tokens (issue 9); filled in by the auth change.
select 1;
