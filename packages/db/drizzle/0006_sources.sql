-- Outlet settings (issue 7): filled in by the sources work.
select 1;
