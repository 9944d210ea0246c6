#!/bin/sh
# Regenerates the good upload fixtures from source.geojson with GDAL (ogr2ogr). Run from this folder.
# source.geojson: two polygons, 磁器口/沙坪坝 (106.44–106.46 E, 29.57–29.59 N) and 大学城 west (106.28–106.30 E, 29.59–29.61 N),
# attribute 名称 in Chinese. Expected by the tests: 2 features; the first touches zone-east, the second zone-barrier-jinyun + zone-west.
set -e
rm -rf tmp && mkdir tmp
ogr2ogr -f GeoJSON good.geojson source.geojson -lco RFC7946=YES
ogr2ogr -f KML good.kml source.geojson
cp good.kml tmp/doc.kml && (cd tmp && zip -q ../good.kmz doc.kml) && rm tmp/doc.kml
ogr2ogr -f GPX good.gpx source-line.geojson -lco FORCE_GPX_TRACK=YES -nlt MULTILINESTRING
ogr2ogr -f GPKG good.gpkg source.geojson -nln projects
ogr2ogr -f GPKG good-4490.gpkg source.geojson -nln projects -a_srs EPSG:4490
ogr2ogr -f CSV good-wkt.csv source.geojson -lco GEOMETRY=AS_WKT
printf 'name,lon,lat\n磁器口站点,106.451,29.581\n大学城站点,106.29,29.60\n' > good-lonlat.csv
ogr2ogr -f "ESRI Shapefile" tmp/projects.shp source.geojson -lco ENCODING=UTF-8
(cd tmp && zip -q ../good-utf8.zip projects.*) && rm tmp/*
ogr2ogr -f "ESRI Shapefile" tmp/projects.shp source.geojson -lco ENCODING=GBK
(cd tmp && zip -q ../good-gbk.zip projects.*) && rm tmp/projects.cpg && (cd tmp && zip -q ../good-gbk-nocpg.zip projects.*) && rm tmp/*
ogr2ogr -f "ESRI Shapefile" tmp/projects.shp source.geojson -t_srs EPSG:4544 -lco ENCODING=GBK
(cd tmp && zip -q ../good-4544.zip projects.*) && rm tmp/*
ogr2ogr -f "ESRI Shapefile" tmp/projects.shp source.geojson -t_srs EPSG:4523 -lco ENCODING=UTF-8
(cd tmp && zip -q ../good-4523.zip projects.*) && rm tmp/*
ogr2ogr -f GeoJSON good-4544.geojson source.geojson -t_srs EPSG:4544
printf 'POLYGON ((106.44 29.57, 106.46 29.57, 106.46 29.59, 106.44 29.59, 106.44 29.57))\n' > good.wkt
rm -rf tmp
