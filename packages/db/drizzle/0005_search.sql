-- Full-text search (issue 7): filled in by the search work.
select 1;
