"""Excel import of welfare recipients: read the workbook, parse the rows, run the import as a Job."""
