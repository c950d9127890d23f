-- Watch lists, alerts and webhooks (issue 8): filled in by that work.
select 1;
