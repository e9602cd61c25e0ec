package org.reelflow.providers.stock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.reelflow.providers.http.RetryPolicy;

/** Realistic vendor bodies and media bytes for the stock doubles. */
final class StockFixtures {

    static final RetryPolicy FAST = new RetryPolicy(Duration.ofSeconds(2), 3, Duration.ofMillis(10), Duration.ofMillis(40),
                                                    Duration.ofSeconds(5));

    private StockFixtures() {
    }

    /** A real JPEG whose colour tells candidates apart. */
    static byte[] jpeg(int rgb) {
        try {
            var img = new java.awt.image.BufferedImage(36, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 36; x++) {
                    img.setRGB(x, y, rgb);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String pexelsPhoto(String base, long id, String alt) {
        String img = base + "/photos/" + id + "/pexels-photo-" + id + ".jpeg";
        return """
               {"id":%d,"width":3648,"height":5472,"url":"https://www.pexels.com/photo/%s-%d/","photographer":"Ana Ribeiro",\
               "photographer_url":"https://www.pexels.com/@ana","photographer_id":118,"avg_color":"#5C6B7A",\
               "src":{"original":"%s","large2x":"%s?auto=compress&cs=tinysrgb&dpr=2&h=650&w=940",\
               "large":"%s?auto=compress&cs=tinysrgb&h=650&w=940","medium":"%s?auto=compress&cs=tinysrgb&h=350",\
               "small":"%s?auto=compress&cs=tinysrgb&h=130","portrait":"%s?auto=compress&cs=tinysrgb&fit=crop&h=1200&w=800",\
               "landscape":"%s?auto=compress&cs=tinysrgb&fit=crop&h=627&w=1200","tiny":"%s?auto=compress&cs=tinysrgb&dpr=1&fit=crop&h=200&w=280"},\
               "liked":false,"alt":"%s"}""".formatted(id, alt.replace(' ', '-'), id, img, img, img, img, img, img, img, img, alt);
    }

    static String pexelsPhotos(List<String> photos) {
        return "{\"total_results\":" + (photos.size() * 40) + ",\"page\":1,\"per_page\":5,\"photos\":[" + String.join(",", photos)
               + "],\"next_page\":\"https://api.pexels.com/v1/search/?page=2&per_page=5&query=x\"}";
    }

    static String pexelsVideo(long id, double duration, String files) {
        return """
               {"id":%d,"width":1080,"height":1920,"duration":%s,"full_res":null,"tags":[],\
               "url":"https://www.pexels.com/video/clip-%d/","image":"https://images.pexels.com/videos/%d/pictures/preview-0.jpg",\
               "avg_color":null,"user":{"id":2659,"name":"Pressmaster","url":"https://www.pexels.com/@pressmaster"},\
               "video_files":[%s],"video_pictures":[{"id":1,"nr":0,"picture":"https://images.pexels.com/videos/%d/pictures/preview-0.jpg"}]}"""
                .formatted(id, duration, id, id, files, id);
    }

    static String pexelsFile(long id, String quality, Integer w, Integer h, String link) {
        return "{\"id\":" + id + ",\"quality\":" + (quality == null ? "null" : "\"" + quality + "\"") + ",\"file_type\":\"video/mp4\","
               + "\"width\":" + w + ",\"height\":" + h + ",\"fps\":25.0,\"link\":\"" + link + "\",\"size\":1234567}";
    }

    static String pexelsVideos(List<String> videos) {
        return "{\"page\":1,\"per_page\":5,\"total_results\":" + videos.size() + ",\"url\":\"https://www.pexels.com/search/videos/x/\",\"videos\":["
               + String.join(",", videos) + "]}";
    }

    static String pixabayImage(String base, long id, String tags) {
        return """
               {"id":%d,"pageURL":"https://pixabay.com/photos/%s-%d/","type":"photo","tags":"%s",\
               "previewURL":"https://cdn.pixabay.com/photo/2024/01/01/%d_150.jpg","previewWidth":100,"previewHeight":150,\
               "webformatURL":"https://pixabay.com/get/g%d_640.jpg","webformatWidth":427,"webformatHeight":640,\
               "largeImageURL":"%s/get/g%d_1280.jpg","imageWidth":4000,"imageHeight":6000,"imageSize":3180000,\
               "views":7671,"downloads":6439,"collections":12,"likes":51,"comments":4,"user_id":48777,"user":"Josch13",\
               "userImageURL":"https://cdn.pixabay.com/user/2013/11/05/02-10-23-764_250x250.jpg"}"""
                .formatted(id, tags.split(",")[0].trim(), id, tags, id, id, base, id);
    }

    static String pixabayVideo(long id, String largeUrl, String mediumUrl) {
        return """
               {"id":%d,"pageURL":"https://pixabay.com/videos/id-%d/","type":"film","tags":"city, night","duration":14,\
               "videos":{"large":{"url":"%s","width":%d,"height":%d,"size":6615235,"thumbnail":"https://cdn.pixabay.com/video/t_large.jpg"},\
               "medium":{"url":"%s","width":%d,"height":%d,"size":3562083,"thumbnail":"https://cdn.pixabay.com/video/t_medium.jpg"},\
               "small":{"url":"https://cdn.pixabay.com/video/%d_small.mp4","width":640,"height":360,"size":1030736,"thumbnail":""},\
               "tiny":{"url":"https://cdn.pixabay.com/video/%d_tiny.mp4","width":480,"height":270,"size":426799,"thumbnail":""}},\
               "views":4462,"downloads":1464,"likes":18,"comments":0,"user_id":1281706,"user":"Coverr-Free-Footage","userImageURL":""}"""
                .formatted(id, id, largeUrl, largeUrl.isEmpty() ? 0 : 1920, largeUrl.isEmpty() ? 0 : 1080,
                           mediumUrl, mediumUrl.isEmpty() ? 0 : 1280, mediumUrl.isEmpty() ? 0 : 720, id, id);
    }

    static String pixabayHits(List<String> hits) {
        return "{\"total\":" + (hits.size() * 100) + ",\"totalHits\":" + hits.size() + ",\"hits\":[" + String.join(",", hits) + "]}";
    }
}
