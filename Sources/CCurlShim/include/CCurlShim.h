#ifndef NATOWATCH_CCURLSHIM_H
#define NATOWATCH_CCURLSHIM_H
#include <curl/curl.h>

/* Typed, non-variadic wrappers around libcurl's variadic calls, which Swift cannot call. */

CURLcode nw_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode nw_easy_setopt_offt(CURL *handle, CURLoption option, curl_off_t value);
CURLcode nw_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode nw_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode nw_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

typedef size_t (*nw_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*nw_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);

CURLcode nw_easy_set_write_callback(CURL *handle, nw_data_callback callback, void *userdata);
CURLcode nw_easy_set_header_callback(CURL *handle, nw_data_callback callback, void *userdata);
CURLcode nw_easy_set_xferinfo_callback(CURL *handle, nw_xferinfo_callback callback, void *userdata);

CURLcode nw_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode nw_easy_getinfo_offt(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode nw_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode nw_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode nw_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLMcode nw_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* Reads the fields of a CURLMsg, whose union Swift cannot reach. */
int nw_multi_msg_done(CURLMsg *msg, CURL **easy, CURLcode *result);

/* The libcurl version string and its supported feature bits. */
const char *nw_curl_version(void);
int nw_curl_supports_protocol(const char *name);

#endif
