// placeholder: filled by the import issue
