-- Feed subscriptions (issue 8): filled in by that work.
select 1;
